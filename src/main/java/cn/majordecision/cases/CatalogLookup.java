package cn.majordecision.cases;

import java.util.Optional;

/**
 * How the case module asks the decision catalog (决策事项目录, Art. 3) about the item a case is filed against. The
 * catalog module implements it, so cases never depend on the catalog.
 */
public interface CatalogLookup {

    /** The item with this number, in any catalog. */
    Optional<CatalogItemRef> find(String itemNumber);

    /** An item as case filing needs it: whether its catalog is approved, its unit and its required procedures. */
    record CatalogItemRef(String number, String title, String undertakingUnit, CaseFlags procedures, boolean approved,
            String catalogStatusLabel) {
    }
}
