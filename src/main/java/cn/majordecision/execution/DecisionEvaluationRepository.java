package cn.majordecision.execution;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionEvaluationRepository extends JpaRepository<DecisionEvaluation, Long> {

    List<DecisionEvaluation> findByCaseIdOrderById(Long caseId);

    Optional<DecisionEvaluation> findByIdAndCaseId(Long id, Long caseId);

    List<DecisionEvaluation> findByOpenedAtGreaterThanEqualAndOpenedAtLessThanOrderById(Instant from, Instant until);
}
