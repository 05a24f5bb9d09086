package cn.majordecision.execution;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExecutionReportRepository extends JpaRepository<ExecutionReport, Long> {

    List<ExecutionReport> findByCaseIdOrderById(Long caseId);

    List<ExecutionReport> findByKindAndAnsweredAtIsNullOrderById(String kind);
}
