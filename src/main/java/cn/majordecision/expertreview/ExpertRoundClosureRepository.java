package cn.majordecision.expertreview;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertRoundClosureRepository extends JpaRepository<ExpertRoundClosure, Long> {

    List<ExpertRoundClosure> findByCaseIdOrderById(Long caseId);
}
