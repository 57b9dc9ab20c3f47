-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d):
-- one database per service, owned by the application user (POSTGRES_USER).
CREATE DATABASE account;
CREATE DATABASE document;
CREATE DATABASE reservation;
CREATE DATABASE billing;
CREATE DATABASE notification;
