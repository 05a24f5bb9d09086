package cn.majordecision.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionCatalogRepository extends JpaRepository<DecisionCatalog, Long> {

    Optional<DecisionCatalog> findByGovernmentAndYear(String government, int year);
}
