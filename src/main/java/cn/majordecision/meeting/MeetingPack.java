package cn.majordecision.meeting;

import cn.majordecision.consultation.OpinionAdoption.AdoptionTable;
import com.fasterxml.jackson.annotation.JsonRawValue;
import java.util.List;

/** The materials the collective meeting discusses (Art. 29), assembled from the case's records. */
public record MeetingPack(String caseNumber, String caseTitle, int draftVersion, List<Item> items,
        AdoptionTable publicOpinionAdoption) {

    /** Whether a material is in the pack, was lawfully skipped, does not apply, or is missing. */
    public enum Status { INCLUDED, SKIPPED, NOT_APPLICABLE, MISSING }

    /** One material: where it comes from and what it says. */
    public record Item(String key, String title, Status status, String note, Long recordId, Integer draftVersion,
            @JsonRawValue String data) {
    }
}
