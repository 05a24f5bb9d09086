package cn.majordecision.execution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionFeedbackRepository extends JpaRepository<DecisionFeedback, Long> {

    List<DecisionFeedback> findByCaseIdOrderById(Long caseId);
}
