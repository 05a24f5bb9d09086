package cn.majordecision.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageSkipRepository extends JpaRepository<StageSkip, Long> {

    List<StageSkip> findByCaseIdOrderById(Long caseId);
}
