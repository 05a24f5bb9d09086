package cn.majordecision.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseAccessGrantRepository extends JpaRepository<CaseAccessGrant, Long> {

    List<CaseAccessGrant> findByCaseIdOrderById(Long caseId);

    boolean existsByCaseIdAndUnitAndRevokedAtIsNull(Long caseId, String unit);

    Optional<CaseAccessGrant> findByIdAndCaseId(Long id, Long caseId);
}
