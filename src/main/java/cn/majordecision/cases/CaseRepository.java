package cn.majordecision.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseRepository extends JpaRepository<DecisionCase, Long>, JpaSpecificationExecutor<DecisionCase> {

    Optional<DecisionCase> findByNumber(String number);

    List<DecisionCase> findByCatalogItemOrderByIdDesc(String catalogItem);
}
