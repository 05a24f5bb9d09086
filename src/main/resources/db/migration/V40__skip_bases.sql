-- Each flag that switches a statutory stage off carries its legal basis (Arts. 14, 19, 22, 32): a code from a fixed
-- list and the officer's statement. The case holds the current basis of each such flag, every flag revision and
-- stage skip the basis it was made on; the head's confirmation of the flags at launch is kept with the case.
ALTER TABLE decision_case ADD COLUMN basis_non_public_code VARCHAR(40) NULL;
ALTER TABLE decision_case ADD COLUMN basis_non_public_text VARCHAR(1000) NULL;
ALTER TABLE decision_case ADD COLUMN basis_technical_code VARCHAR(40) NULL;
ALTER TABLE decision_case ADD COLUMN basis_technical_text VARCHAR(1000) NULL;
ALTER TABLE decision_case ADD COLUMN basis_stability_risk_code VARCHAR(40) NULL;
ALTER TABLE decision_case ADD COLUMN basis_stability_risk_text VARCHAR(1000) NULL;
ALTER TABLE decision_case ADD COLUMN basis_prior_risk_code VARCHAR(40) NULL;
ALTER TABLE decision_case ADD COLUMN basis_prior_risk_text VARCHAR(1000) NULL;
ALTER TABLE decision_case ADD COLUMN flags_confirmed_by VARCHAR(64) NULL;
ALTER TABLE decision_case ADD COLUMN flags_confirmed_at ${instant} NULL;
ALTER TABLE flag_revision ADD COLUMN basis_code VARCHAR(40) NULL;
ALTER TABLE flag_revision ADD COLUMN basis_text VARCHAR(1000) NULL;
ALTER TABLE stage_skip ADD COLUMN basis_code VARCHAR(40) NULL;
ALTER TABLE stage_skip ADD COLUMN basis_text VARCHAR(1000) NULL;
