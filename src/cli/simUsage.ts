/** The sim command's part of the usage text (apart, so that `kartlegg help` does not load the simulation). */
export const SIM_USAGE = `  sim --tablets <n> --mutations <m> [--seed <s>] [--faults drop,dup,delay,reorder,500,401|all]
      [--database-url <url> | --server <url> --username <u> --password <p>]
                                     simulate n tablets making m changes in all, with network
                                     faults, against a server started in-process (in-memory PGlite,
                                     or PostgreSQL at --database-url) or a running one; prints one
                                     JSON line and exits 1 if a value was lost, a tablet did not
                                     converge or a change was rejected`;
