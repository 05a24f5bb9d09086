package cn.majordecision.cases;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface StageRecordRepository extends JpaRepository<StageRecord, Long> {

    List<StageRecord> findByCaseIdOrderById(Long caseId);

    Optional<StageRecord> findFirstByCaseIdAndFormKeyOrderByIdDesc(Long caseId, String formKey);

    Optional<StageRecord> findByTaskId(String taskId);

    List<StageRecord> findByFormKeyOrderById(String formKey);
}
