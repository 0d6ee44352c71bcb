-- Participation: plans (projects), alternatives (resources), comments, agreements, votes.
-- Nothing here holds personal data: participants are a hashed random token; display names are optional.

CREATE TABLE projects (
  id serial PRIMARY KEY,
  title_nl text NOT NULL,
  title_en text NOT NULL,
  text_nl text NOT NULL,
  text_en text NOT NULL,
  -- A GeoJSON Polygon in WGS84 (lon, lat); pins outside it are refused.
  area jsonb NOT NULL,
  -- Tour steps: [{ viewpoint, layers, scenarioId, title/text in nl+en }].
  tour jsonb NOT NULL DEFAULT '[]'::jsonb,
  moderation boolean NOT NULL DEFAULT false,
  vote_visibility text NOT NULL DEFAULT 'always' CHECK (vote_visibility IN ('always', 'after-close')),
  opens_at timestamptz,
  closes_at timestamptz,
  retention_days integer NOT NULL DEFAULT 60 CHECK (retention_days >= 0),
  join_code text NOT NULL UNIQUE,
  anonymised_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- An alternative the resident can look at and vote for; scenario_id names a Tweeling scenario.
CREATE TABLE resources (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  title_nl text NOT NULL,
  title_en text NOT NULL,
  summary_nl text NOT NULL,
  summary_en text NOT NULL,
  -- NULL: the city as it is today.
  scenario_id text,
  sort_order integer NOT NULL DEFAULT 0
);
CREATE INDEX resources_project ON resources(project_id);

CREATE TABLE participants (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  -- sha256 of the random session token; the token itself is only ever in the resident's browser.
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX participants_project ON participants(project_id);

-- Paper voting codes (as Amsterdam sends by post): stored hashed, each usable once.
CREATE TABLE voting_codes (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  code_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE comments (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  resource_id integer REFERENCES resources(id),
  parent_id integer REFERENCES comments(id),
  participant_id integer REFERENCES participants(id) ON DELETE SET NULL,
  display_name text,
  text text NOT NULL,
  sentiment text NOT NULL DEFAULT 'neutral' CHECK (sentiment IN ('for', 'against', 'neutral')),
  -- { lon, lat, height } of the pin, and the camera view it was written in.
  location jsonb,
  camera jsonb,
  status text NOT NULL CHECK (status IN ('pending', 'published', 'hidden')),
  hidden_reason text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX comments_project ON comments(project_id);

CREATE TABLE agreements (
  comment_id integer NOT NULL REFERENCES comments(id),
  participant_id integer REFERENCES participants(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
-- One agreement per participant per comment (NULLs, left by anonymisation, do not collide).
CREATE UNIQUE INDEX agreements_once ON agreements(comment_id, participant_id);

CREATE TABLE votes (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  resource_id integer NOT NULL REFERENCES resources(id),
  participant_id integer REFERENCES participants(id) ON DELETE SET NULL,
  voting_code_id integer REFERENCES voting_codes(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (participant_id IS NULL OR voting_code_id IS NULL)
);
-- The database, not the application, guarantees one vote: two requests at the same moment cannot both count.
CREATE UNIQUE INDEX votes_one_per_participant ON votes(project_id, participant_id);
CREATE UNIQUE INDEX votes_one_per_code ON votes(voting_code_id);

CREATE TABLE moderators (
  id serial PRIMARY KEY,
  name text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE audit_log (
  id serial PRIMARY KEY,
  project_id integer REFERENCES projects(id),
  -- 'moderator:3', 'participant:17', 'system'; participant ids are erased by the retention rule.
  actor text NOT NULL,
  action text NOT NULL,
  target text,
  details jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_project ON audit_log(project_id);
