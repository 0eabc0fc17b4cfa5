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
	filename       text COLLATE "C" NOT NULL UNIQUE,
	queue_id       text COLLATE "C" NOT NULL,
	queue_name     text COLLATE "C" NOT NULL,
	account_number text COLLATE "C" NOT NULL,
	transaction_id text COLLATE "C" NOT NULL,
	ext_var1       text COLLATE "C" NOT NULL,
	ext_var2       text COLLATE "C" NOT NULL,
	out_dial_code  text COLLATE "C" NOT NULL
);

-- The page order ([D-5]) and the field filters most queries carry.
CREATE INDEX IF NOT EXISTS recq_files_order ON recq_files (start_date, start_ns, filename) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_files_agent ON recq_files (agent_id, start_date, start_ns, filename) INCLUDE (id);
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
	interaction_guid text COLLATE "C" NOT NULL UNIQUE,
	transcript_type  text COLLATE "C" NOT NULL,
	duration         bigint NOT NULL
);

CREATE INDEX IF NOT EXISTS recq_transcripts_order ON recq_transcripts (start_date, start_ns, interaction_guid) INCLUDE (id);
CREATE INDEX IF NOT EXISTS recq_transcripts_agent ON recq_transcripts (agent_id, start_date, start_ns, interaction_guid) INCLUDE (id);
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
