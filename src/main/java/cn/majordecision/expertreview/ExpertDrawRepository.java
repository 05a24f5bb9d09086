package cn.majordecision.expertreview;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertDrawRepository extends JpaRepository<ExpertDraw, Long> {

    List<ExpertDraw> findByCaseIdOrderById(Long caseId);
}
