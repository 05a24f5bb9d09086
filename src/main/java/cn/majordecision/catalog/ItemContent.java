package cn.majordecision.catalog;

import cn.majordecision.cases.CaseFlags;
import java.time.LocalDate;

/** The content of a catalog item: what is to be decided, by whom, on what basis, by which procedures, by when. */
public record ItemContent(String title, String undertakingUnit, String legalBasis, CaseFlags procedures,
        LocalDate plannedCompletion) {
}
