-- Sync protocol 2 (docs/sync-protocol.md): a record is a set of named fields, merged field by field.
-- Every value ever applied stays in field_history; every clash is a conflicts row until a person resolves it.

CREATE TABLE records (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  entity text NOT NULL,
  -- The current value of each field: {field: value}.
  fields jsonb NOT NULL,
  -- Per field, the municipality version that last wrote it and the client that wrote it: {field: {v, w}}.
  field_meta jsonb NOT NULL,
  -- The version of the last mutation that changed the record or its conflicts: what pull pages by.
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX records_municipality_version ON records (municipality_id, version);

-- Append-only: one row per applied field value. The key doubles as the lookup of a conflict's base value.
-- No foreign keys: rows are written in the same statement as their record, on the hot path.
CREATE TABLE field_history (
  record_id uuid NOT NULL,
  field text NOT NULL,
  version bigint NOT NULL,
  municipality_id uuid NOT NULL,
  entity text NOT NULL,
  value jsonb NOT NULL,
  mutation_id uuid,
  device_id uuid,
  user_id uuid,
  client_id uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (record_id, field, version)
);

-- A clash a person decides. JSON null values are stored as jsonb null; SQL NULL means "no value"
-- (base: the device had seen none; resolved_value: not resolved yet).
CREATE TABLE conflicts (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  entity text NOT NULL,
  record_id uuid NOT NULL REFERENCES records (id),
  field text NOT NULL,
  base jsonb,
  base_version bigint NOT NULL,
  theirs jsonb NOT NULL,
  theirs_version bigint NOT NULL,
  theirs_user_id uuid REFERENCES users (id),
  mine jsonb NOT NULL,
  mine_user_id uuid NOT NULL REFERENCES users (id),
  mine_mutation_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- Stamped when the conflict is created and again when it is resolved, so pull delivers both.
  version bigint NOT NULL,
  resolved_value jsonb,
  resolved_by uuid REFERENCES users (id),
  resolved_at timestamptz,
  resolution_mutation_id uuid
);
CREATE INDEX conflicts_municipality_version ON conflicts (municipality_id, version);
CREATE INDEX conflicts_open_by_record ON conflicts (record_id) WHERE resolved_at IS NULL;

-- The writer identity: protocol 2's client id, or the device id for a protocol-1 tablet.
ALTER TABLE mutations ADD COLUMN client_id uuid;
UPDATE mutations SET client_id = device_id;
ALTER TABLE mutations ALTER COLUMN client_id SET NOT NULL;
-- The fields an applied mutation left as conflicts, so a resent mutation gets the same answer.
ALTER TABLE mutations ADD COLUMN conflicted text[];

-- Residents of the walking skeleton become records. Each field is stamped with the row's version and
-- written by the client (device) of the mutation that took that version; the nil UUID when none is found.
INSERT INTO records (id, municipality_id, entity, fields, field_meta, version, created_at, updated_at)
SELECT r.id, r.municipality_id, 'resident', r.data,
       (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('v', r.version, 'w',
                 coalesce(m.client_id, '00000000-0000-0000-0000-000000000000'::uuid))), '{}'::jsonb)
          FROM jsonb_object_keys(r.data) AS k),
       r.version, r.created_at, r.updated_at
  FROM residents r
  LEFT JOIN mutations m ON m.municipality_id = r.municipality_id AND m.version = r.version AND m.status = 'applied';

INSERT INTO field_history (record_id, field, version, municipality_id, entity, value, mutation_id, device_id,
                           user_id, client_id, at)
SELECT r.id, f.key, r.version, r.municipality_id, 'resident', f.value, m.id, m.device_id, d.user_id, m.client_id,
       r.updated_at
  FROM residents r
  CROSS JOIN LATERAL jsonb_each(r.data) AS f
  LEFT JOIN mutations m ON m.municipality_id = r.municipality_id AND m.version = r.version AND m.status = 'applied'
  LEFT JOIN devices d ON d.id = m.device_id;

DROP TABLE residents;
