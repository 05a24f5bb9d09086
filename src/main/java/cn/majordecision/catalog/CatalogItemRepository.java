package cn.majordecision.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogItemRepository extends JpaRepository<CatalogItem, Long> {

    List<CatalogItem> findByCatalogIdOrderById(Long catalogId);

    Optional<CatalogItem> findByNumber(String number);

    long countByCatalogId(Long catalogId);
}
