-- Scheduled work that must run once per cluster, not once per instance (ClusterJobs.runOnce): the first
-- instance to insert (job, slot) runs it; the others find the row and skip.
CREATE TABLE messaging.job_run (
    job         text        NOT NULL,
    slot        text        NOT NULL,
    instance    text        NOT NULL,
    started_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
    finished_at timestamptz,
    PRIMARY KEY (job, slot)
);
