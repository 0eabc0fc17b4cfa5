-- recq's schema (docs/POSTGRES.md). Applied by Migrate and `recq db init`;
-- every statement may run again on a database that has it.
--
-- Text is stored as the API writes it ([D-4]) with the "C" collation, so
-- that equality, LIKE and the tie-break of the page order compare bytes as
-- Go does. An instant is a timestamptz (microseconds, floored) plus the
-- nanoseconds below the microsecond (_ns, 0-999), so that windows and the
-- order are exact to the nanosecond as in the in-memory store; _off keeps
-- the offset the instant was written with. finish_* is startDate plus
-- duration, computed by the loader as the in-memory store computes it.
-- The lists (codes, metadata, messages) have no foreign keys: a key's check
-- per row would halve the rate of a bulk load, and only this package writes
-- them, deleting a record's lists with the record in one statement.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE SEQUENCE IF NOT EXISTS recq_files_ids;
CREATE SEQUENCE IF NOT EXISTS recq_transcripts_ids;

-- id joins a record to its lists; the loader takes ids from the sequences.
-- Its index serves a rare metadata substring: the trigram index finds the
-- entries, their ids the records (docs/POSTGRES.md).
CREATE TABLE IF NOT EXISTS recq_files (
	id             bigint PRIMARY KEY,
	start_date     timestamptz NOT NULL,
	start_ns       smallint NOT NULL,
	start_off      integer NOT NULL,
	finish_date    timestamptz NOT NULL,
	finish_ns      smallint NOT NULL,
	agent_id       text COLLATE "C" NOT NULL,
	phone_number   text COLLATE "C" NOT NULL,
	channel        text COLLATE "C" NOT NULL,
	case_id        text COLLATE "C" NOT NULL,
	duration       bigint NOT NULL,
	filename       text COLLATE "C" NOT NULL,
	queue_id       text COLLATE "C" NOT NULL,
	queue_name     text COLLATE "C" NOT NULL,
	account_number text COLLATE "C" NOT NULL,
	transaction_id text COLLATE "C" NOT NULL,
	ext_var1       text COLLATE "C" NOT NULL,
	ext_var2       text COLLATE "C" NOT NULL,
	out_dial_code  text COLLATE "C" NOT NULL,
	filename_key   text COLLATE "C" NOT NULL, -- left(filename, 256), written by the loader
	agent_key      text COLLATE "C" NOT NULL, -- left(agent_id, 256), written by the loader
	-- One record per filename: the long ones here, the others in recq_files_filename.
	CONSTRAINT recq_files_filename_long EXCLUDE USING hash (filename WITH =) WHERE (char_length(filename) >= 256)
);

-- One record per filename (the API names a file by it): a unique B-tree for
-- the names shorter than a key, which the loader writes in increasing order,
-- and the exclusion constraint above for the long ones, whose hash index
-- holds no text (docs/POSTGRES.md, "Long texts"). A store made before the
-- keys (filename UNIQUE, texts indexed whole) gets them here; each
-- statement is a no-op on one that has them.
ALTER TABLE recq_files ADD COLUMN IF NOT EXISTS filename_key text COLLATE "C", ADD COLUMN IF NOT EXISTS agent_key text COLLATE "C";
DO $$ BEGIN
	IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'recq_files'::regclass AND attname IN ('filename_key', 'agent_key') AND NOT attnotnull) THEN
		UPDATE recq_files SET filename_key = left(filename, 256), agent_key = left(agent_id, 256);
		ALTER TABLE recq_files ALTER COLUMN filename_key SET NOT NULL, ALTER COLUMN agent_key SET NOT NULL;
	END IF;
END $$;
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'recq_files_filename_long') THEN
		ALTER TABLE recq_files ADD CONSTRAINT recq_files_filename_long EXCLUDE USING hash (filename WITH =) WHERE (char_length(filename) >= 256);
	END IF;
END $$;
CREATE UNIQUE INDEX IF NOT EXISTS recq_files_filename ON recq_files (filename) WHERE char_length(filename) < 256;
ALTER TABLE recq_files DROP CONSTRAINT IF EXISTS recq_files_filename_key;
DROP INDEX IF EXISTS recq_files_order, recq_files_agent;

-- The page order ([D-5]) and the field filters most queries carry, on the
-- keys: a B-tree entry holds at most 2704 bytes, a text up to a record's
-- 1 MiB (docs/POSTGRES.md, "Long texts").
CREATE INDEX IF NOT EXISTS recq_files_page ON recq_files (start_date, start_ns, filename_key) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_files_agent_page ON recq_files (agent_key, start_date, start_ns, filename_key) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_files_finish ON recq_files (finish_date, finish_ns);

CREATE TABLE IF NOT EXISTS recq_file_codes (
	file_id   bigint NOT NULL,
	ord       integer NOT NULL,
	list_name text COLLATE "C" NOT NULL,
	name      text COLLATE "C" NOT NULL,
	PRIMARY KEY (file_id, ord)
);

CREATE TABLE IF NOT EXISTS recq_file_meta (
	file_id     bigint NOT NULL,
	ord         integer NOT NULL,
	field_name  text COLLATE "C" NOT NULL,
	field_value text COLLATE "C" NOT NULL,
	PRIMARY KEY (file_id, ord)
);
-- The metadata substrings: LIKE '%…%' (escaped) on trigram indexes.
CREATE INDEX IF NOT EXISTS recq_file_meta_name ON recq_file_meta USING gin (field_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS recq_file_meta_value ON recq_file_meta USING gin (field_value gin_trgm_ops);

CREATE TABLE IF NOT EXISTS recq_transcripts (
	id               bigint PRIMARY KEY,
	start_date       timestamptz NOT NULL,
	start_ns         smallint NOT NULL,
	start_off        integer NOT NULL,
	finish_date      timestamptz NOT NULL,
	finish_ns        smallint NOT NULL,
	agent_id         text COLLATE "C" NOT NULL,
	agent_name       text COLLATE "C" NOT NULL,
	contact_id       text COLLATE "C" NOT NULL,
	contact_name     text COLLATE "C" NOT NULL,
	queue_id         text COLLATE "C" NOT NULL,
	queue_name       text COLLATE "C" NOT NULL,
	channel_id       text COLLATE "C" NOT NULL,
	channel_name     text COLLATE "C" NOT NULL,
	case_id          text COLLATE "C" NOT NULL,
	target_ip        text COLLATE "C" NOT NULL,
	transaction_id   text COLLATE "C" NOT NULL,
	interaction_guid text COLLATE "C" NOT NULL,
	transcript_type  text COLLATE "C" NOT NULL,
	duration         bigint NOT NULL,
	guid_key         text COLLATE "C" NOT NULL, -- left(interaction_guid, 256), written by the loader
	agent_key        text COLLATE "C" NOT NULL, -- left(agent_id, 256), written by the loader
	-- One record per interaction_guid: the long ones here, the others in recq_transcripts_guid.
	CONSTRAINT recq_transcripts_guid_long EXCLUDE USING hash (interaction_guid WITH =) WHERE (char_length(interaction_guid) >= 256)
);

ALTER TABLE recq_transcripts ADD COLUMN IF NOT EXISTS guid_key text COLLATE "C", ADD COLUMN IF NOT EXISTS agent_key text COLLATE "C";
DO $$ BEGIN
	IF EXISTS (SELECT FROM pg_attribute WHERE attrelid = 'recq_transcripts'::regclass AND attname IN ('guid_key', 'agent_key') AND NOT attnotnull) THEN
		UPDATE recq_transcripts SET guid_key = left(interaction_guid, 256), agent_key = left(agent_id, 256);
		ALTER TABLE recq_transcripts ALTER COLUMN guid_key SET NOT NULL, ALTER COLUMN agent_key SET NOT NULL;
	END IF;
END $$;
DO $$ BEGIN
	IF NOT EXISTS (SELECT FROM pg_constraint WHERE conname = 'recq_transcripts_guid_long') THEN
		ALTER TABLE recq_transcripts ADD CONSTRAINT recq_transcripts_guid_long EXCLUDE USING hash (interaction_guid WITH =) WHERE (char_length(interaction_guid) >= 256);
	END IF;
END $$;
CREATE UNIQUE INDEX IF NOT EXISTS recq_transcripts_guid ON recq_transcripts (interaction_guid) WHERE char_length(interaction_guid) < 256;
ALTER TABLE recq_transcripts DROP CONSTRAINT IF EXISTS recq_transcripts_interaction_guid_key;
DROP INDEX IF EXISTS recq_transcripts_order, recq_transcripts_agent;

CREATE INDEX IF NOT EXISTS recq_transcripts_page ON recq_transcripts (start_date, start_ns, guid_key) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_transcripts_agent_page ON recq_transcripts (agent_key, start_date, start_ns, guid_key) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_transcripts_finish ON recq_transcripts (finish_date, finish_ns);

CREATE TABLE IF NOT EXISTS recq_transcript_meta (
	transcript_id bigint NOT NULL,
	ord           integer NOT NULL,
	field_name    text COLLATE "C" NOT NULL,
	field_value   text COLLATE "C" NOT NULL,
	PRIMARY KEY (transcript_id, ord)
);
CREATE INDEX IF NOT EXISTS recq_transcript_meta_name ON recq_transcript_meta USING gin (field_name gin_trgm_ops);
CREATE INDEX IF NOT EXISTS recq_transcript_meta_value ON recq_transcript_meta USING gin (field_value gin_trgm_ops);

CREATE TABLE IF NOT EXISTS recq_messages (
	transcript_id       bigint NOT NULL,
	ord                 integer NOT NULL,
	message_time        timestamptz NOT NULL,
	message_ns          smallint NOT NULL,
	message_off         integer NOT NULL,
	message_from        text COLLATE "C" NOT NULL,
	original_language   text COLLATE "C" NOT NULL,
	original_message    text COLLATE "C" NOT NULL,
	translated_language text COLLATE "C" NOT NULL,
	translated_message  text COLLATE "C" NOT NULL,
	PRIMARY KEY (transcript_id, ord)
);
