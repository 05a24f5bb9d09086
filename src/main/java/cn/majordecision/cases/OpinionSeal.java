package cn.majordecision.cases;

import cn.majordecision.shared.Actor;
import java.util.List;
import java.util.Optional;

/**
 * Experts write independently (Art. 19): while an expert opinion task of the current round is open, the opinions of
 * that round (recorded after the round's expert selection) are seen by their author only. A due date passing does not
 * lift the seal (a late expert would read the others); the round ends when every opinion is in or the officer closes
 * it, which ends the open opinion tasks.
 */
public record OpinionSeal(Long afterRecordId) {

    public static final String OPINION_FORM = "write-expert-opinion";
    public static final String SELECTION_FORM = "select-experts";
    public static final OpinionSeal NONE = new OpinionSeal(null);

    /** The seal of a case given its open tasks and the latest expert selection record (by id). */
    static OpinionSeal of(List<OpenTask> openTasks, Optional<StageRecord> latestSelection) {
        boolean running = openTasks.stream().anyMatch(t -> OPINION_FORM.equals(t.formKey()));
        if (!running) {
            return NONE;
        }
        return new OpinionSeal(latestSelection.map(StageRecord::getId).orElse(0L));
    }

    public boolean isSealed() {
        return afterRecordId != null;
    }

    /** Whether this record is an opinion of the running round that the viewer did not write. */
    public boolean hides(StageRecord record, Actor viewer) {
        return isSealed() && OPINION_FORM.equals(record.getFormKey()) && record.getId() > afterRecordId
                && (viewer == null || !viewer.userId().equals(record.getActor()));
    }
}
