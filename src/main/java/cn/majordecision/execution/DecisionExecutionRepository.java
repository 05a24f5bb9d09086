package cn.majordecision.execution;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionExecutionRepository extends JpaRepository<DecisionExecution, Long> {

    Optional<DecisionExecution> findByAdjustedByCase(String caseNumber);
}
