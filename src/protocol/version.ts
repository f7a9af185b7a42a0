/**
 * The sync protocol version. A client sends it on every sync request; the server answers
 * 426 `protocol_unsupported` for any version it cannot speak, so an old tablet is told to update
 * instead of corrupting data. Version 1 was the walking skeleton's push-only subset.
 */
export const PROTOCOL_VERSION = 2;
export const SUPPORTED_PROTOCOL_VERSIONS: readonly number[] = [1, 2];
