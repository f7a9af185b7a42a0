/** Server settings from the environment; every one has a default that works on a laptop. */
export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  /** The name given to the municipality created on the very first start. */
  firstMunicipality: string;
  /** Behind a reverse proxy: read the client's address from X-Forwarded-For (KARTLEGG_TRUST_PROXY=1). */
  trustProxy: boolean;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 0 to 65535, not "${env.PORT}".`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: env.DATA_DIR || './data',
    databaseUrl: env.DATABASE_URL || undefined,
    firstMunicipality: env.KARTLEGG_MUNICIPALITY || 'Min kommune',
    trustProxy: env.KARTLEGG_TRUST_PROXY === '1' || env.KARTLEGG_TRUST_PROXY === 'true',
  };
}
