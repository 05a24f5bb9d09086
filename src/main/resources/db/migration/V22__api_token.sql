-- Bearer tokens for API clients. Only the SHA-256 of a token is stored: a copy of this table lets nobody in.
CREATE TABLE api_token (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    token_hash  CHAR(64)     NOT NULL,
    user_id     VARCHAR(64)  NOT NULL,
    label       VARCHAR(100) NOT NULL,
    issued_at   ${instant}   NOT NULL,
    expires_at  ${instant}   NOT NULL,
    revoked_at  ${instant},
    CONSTRAINT uq_api_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_api_token_user FOREIGN KEY (user_id) REFERENCES app_user (user_id)
) ${table_options};
