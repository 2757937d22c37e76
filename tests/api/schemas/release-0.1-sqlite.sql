-- The schema of release 0.1 (before migrations) as SQLModel's create_all made it on sqlite.
-- Frozen: tests upgrade a database made from this file in place.

CREATE TABLE job (
	title VARCHAR(200) NOT NULL,
	id VARCHAR(64) NOT NULL,
	workflow_id VARCHAR(100) NOT NULL,
	tenant_id VARCHAR(32) NOT NULL,
	status VARCHAR(9) NOT NULL,
	stage VARCHAR(32) NOT NULL,
	percent INTEGER NOT NULL,
	shots_done INTEGER NOT NULL,
	shots_total INTEGER NOT NULL,
	paused BOOLEAN NOT NULL,
	duration_s FLOAT NOT NULL,
	error VARCHAR,
	error_stage VARCHAR(32),
	error_step VARCHAR(64),
	error_shot VARCHAR(32),
	error_type VARCHAR(64),
	video_key VARCHAR,
	subtitles_key VARCHAR,
	poster_key VARCHAR,
	size_bytes INTEGER,
	sha256 VARCHAR(64),
	estimated_credits INTEGER NOT NULL,
	revision INTEGER NOT NULL,
	revisable BOOLEAN NOT NULL,
	created_at DATETIME NOT NULL,
	updated_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_job_created_at ON job (created_at);

CREATE INDEX ix_job_tenant_id ON job (tenant_id);

CREATE INDEX ix_job_workflow_id ON job (workflow_id);

CREATE TABLE jobcredits (
	job_id VARCHAR(64) NOT NULL,
	tenant_id VARCHAR(32) NOT NULL,
	estimated INTEGER NOT NULL,
	held INTEGER NOT NULL,
	spent INTEGER NOT NULL,
	PRIMARY KEY (job_id)
);

CREATE INDEX ix_jobcredits_tenant_id ON jobcredits (tenant_id);

CREATE TABLE ledgerentry (
	id INTEGER NOT NULL,
	"key" VARCHAR(300) NOT NULL,
	tenant_id VARCHAR(32) NOT NULL,
	job_id VARCHAR(64),
	kind VARCHAR(16) NOT NULL,
	amount INTEGER NOT NULL,
	memo VARCHAR(200) NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE INDEX ix_ledgerentry_created_at ON ledgerentry (created_at);

CREATE INDEX ix_ledgerentry_job_id ON ledgerentry (job_id);

CREATE UNIQUE INDEX ix_ledgerentry_key ON ledgerentry ("key");

CREATE INDEX ix_ledgerentry_tenant_id ON ledgerentry (tenant_id);

CREATE TABLE tenant (
	id VARCHAR(32) NOT NULL,
	name VARCHAR(64) NOT NULL,
	key_id VARCHAR(32) NOT NULL,
	key_hash VARCHAR(64) NOT NULL,
	webhook_secret VARCHAR(64) NOT NULL,
	granted INTEGER NOT NULL,
	available INTEGER NOT NULL,
	held INTEGER NOT NULL,
	spent INTEGER NOT NULL,
	created_at DATETIME NOT NULL,
	PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_tenant_key_id ON tenant (key_id);

CREATE UNIQUE INDEX ix_tenant_name ON tenant (name);
