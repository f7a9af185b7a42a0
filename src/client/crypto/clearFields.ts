/**
 * The fields of each IndexedDB table that stay in clear; everything else of a row is sealed
 * (src/client/crypto/sealing.ts). The one place a table is added: a table not listed here keeps only
 * its primary key in clear, and a table whose index is on a sealed field refuses to open
 * (encryptionMiddleware), since the index would silently stay empty.
 *
 * Rule: in clear only what an index or a count needs and what identifies no one — random ids,
 * device times, codes. Never a name, a date of birth, a DUF number, a language, a centre, an answer,
 * a change's values or the sign-in token.
 */
export const CLEAR_FIELDS: Readonly<Record<string, readonly string[]>> = {
  // id: primary key; updatedAt: index (device time of the last change); deleted: a tombstone flag.
  residents: ['id', 'updatedAt', 'deleted'],
  // residentId: index (the mapping of a resident), a random id like the key.
  mappings: ['id', 'residentId', 'updatedAt'],
  // What the queue needs to drain, count and show without the key ("Forgot PIN" counts the
  // unsynced rows before deleting): order, identity, status, which record. Values are sealed.
  outbox: ['clientSeq', 'mutationId', 'status', 'entity', 'entityId', 'createdAt'],
  conflicts: ['id', 'entityId', 'status'],
  // Mapping places (issue 7): kind is an index (room or reception centre), a code; names, addresses
  // and coordinates are sealed with the rest, though they describe places, not people.
  places: ['id', 'kind'],
  // Planned sessions: date is an index (the week's list), a calendar day that names no one; the
  // slots (who comes when), the mapper and the interpreter are sealed.
  plannedSessions: ['id', 'date'],
  // The journal of resident writes since the roster snapshot: random keys and resident ids only.
  residentJournal: ['id', 'ids', 'all'],
  // The roster snapshot: `blob` is sealed already, as one piece, with the same data key (by WebCrypto:
  // one native decryption instead of one per resident); `gen` is a random id.
  snapshots: ['key', 'gen', 'part', 'parts', 'blob'],
  // Every meta value is sealed: the session holds the device token and the user's name.
  meta: ['key'],
  // The tablet's own audit events waiting to be sent: a random id (UUIDv7, the send order) and the
  // device time. What happened (the action, the record's id, the counts) is sealed.
  auditEvents: ['id', 'at'],
};

/**
 * Indexes of earlier schema versions on fields now sealed: they exist only while the upgrade that
 * drops them runs (v3 dropped residents.familyName), and are not checked against the clear fields.
 */
export const DROPPED_INDEXES: Readonly<Record<string, readonly string[]>> = {
  residents: ['familyName'],
};

/** The property that holds a row's sealed fields; field names start with a lower-case letter. */
export const SEALED = '_sealed';
