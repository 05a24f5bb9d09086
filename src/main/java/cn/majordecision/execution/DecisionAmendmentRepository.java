package cn.majordecision.execution;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionAmendmentRepository extends JpaRepository<DecisionAmendment, Long> {

    List<DecisionAmendment> findByCaseIdOrderById(Long caseId);

    Optional<DecisionAmendment> findByNewCaseIdAndState(Long newCaseId, DecisionAmendment.State state);

    Optional<DecisionAmendment> findByNewCaseNumber(String newCaseNumber);

    List<DecisionAmendment> findByCaseIdAndState(Long caseId, DecisionAmendment.State state);
}
