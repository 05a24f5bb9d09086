package cn.majordecision.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FlagRevisionRepository extends JpaRepository<FlagRevision, Long> {

    List<FlagRevision> findByCaseIdOrderById(Long caseId);

    Optional<FlagRevision> findFirstByCaseIdAndFlagOrderByIdDesc(Long caseId, String flag);
}
