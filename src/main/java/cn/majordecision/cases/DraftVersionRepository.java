package cn.majordecision.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DraftVersionRepository extends JpaRepository<DraftVersion, Long> {

    List<DraftVersion> findByCaseIdOrderByVersionNumber(Long caseId);

    Optional<DraftVersion> findByCaseIdAndVersionNumber(Long caseId, int versionNumber);
}
