package cn.majordecision.repair;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface EngineRepairRepository extends JpaRepository<EngineRepair, Long> {

    List<EngineRepair> findByCaseIdOrderById(Long caseId);
}
