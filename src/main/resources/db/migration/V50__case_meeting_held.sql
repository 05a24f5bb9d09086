-- Once the collective meeting has been held (its record stored), the case can never be withdrawn (Art. 30), whatever
-- stage a revision sends it back to: the case remembers it.
ALTER TABLE decision_case ADD meeting_held BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE decision_case SET meeting_held = TRUE
    WHERE id IN (SELECT case_id FROM stage_record WHERE form_key = 'record-meeting');
