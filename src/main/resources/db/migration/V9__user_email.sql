-- Where reminders and escalations are also sent by e-mail, when an SMTP server is configured.
ALTER TABLE app_user ADD COLUMN email VARCHAR(200);
