package cn.majordecision.execution;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionStatusChangeRepository extends JpaRepository<DecisionStatusChange, Long> {

    List<DecisionStatusChange> findByStatusAndChangedAtGreaterThanEqualAndChangedAtLessThanOrderById(
            DecisionStatus status, Instant from, Instant until);

    List<DecisionStatusChange> findByCaseIdOrderById(Long caseId);
}
