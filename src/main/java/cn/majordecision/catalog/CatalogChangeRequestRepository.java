package cn.majordecision.catalog;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogChangeRequestRepository extends JpaRepository<CatalogChangeRequest, Long> {

    List<CatalogChangeRequest> findByCatalogIdOrderById(Long catalogId);

    Optional<CatalogChangeRequest> findByIdAndCatalogId(Long id, Long catalogId);
}
