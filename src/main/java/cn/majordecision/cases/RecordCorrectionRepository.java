package cn.majordecision.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface RecordCorrectionRepository extends JpaRepository<RecordCorrection, Long> {

    List<RecordCorrection> findByCaseIdOrderById(Long caseId);
}
