-- Walking skeleton schema. Every row of resident data belongs to a municipality (tenant).

CREATE TABLE municipalities (
  id uuid PRIMARY KEY,
  name text NOT NULL UNIQUE,
  -- Stamps every change in this municipality; sync pulls rows with a version above a cursor.
  version bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  username text NOT NULL,
  name text NOT NULL,
  role text NOT NULL CHECK (role IN ('kartlegger', 'lesebruker', 'admin', 'mottak')),
  password_hash text NOT NULL,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));

-- One row per enrolled device (a tablet's sign-in). The token itself is never stored, only its hash.
CREATE TABLE devices (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  token_hash text NOT NULL UNIQUE,
  label text,
  last_client_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz,
  revoked_at timestamptz
);

CREATE TABLE residents (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  data jsonb NOT NULL,
  version bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX residents_municipality_version ON residents (municipality_id, version);

-- Every mutation a device pushed, applied or rejected: the idempotency record.
CREATE TABLE mutations (
  id uuid PRIMARY KEY,
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  device_id uuid NOT NULL REFERENCES devices (id),
  client_seq bigint NOT NULL,
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  version bigint,
  reason text,
  payload jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now()
);
