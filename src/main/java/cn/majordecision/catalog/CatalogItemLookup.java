package cn.majordecision.catalog;

import cn.majordecision.cases.CatalogLookup;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Answers the case module's questions about catalog items, without depending on the case service. */
@Component
class CatalogItemLookup implements CatalogLookup {

    private final CatalogItemRepository items;
    private final DecisionCatalogRepository catalogs;

    CatalogItemLookup(CatalogItemRepository items, DecisionCatalogRepository catalogs) {
        this.items = items;
        this.catalogs = catalogs;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CatalogItemRef> find(String itemNumber) {
        return items.findByNumber(itemNumber).flatMap(item -> catalogs.findById(item.getCatalogId()).map(catalog ->
                new CatalogItemRef(item.getNumber(), item.getTitle(), item.getUndertakingUnit(), item.getProcedures(),
                        catalog.isApproved(), catalog.getStatus().label())));
    }
}
