package cn.majordecision.expertreview;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertDeclarationRepository extends JpaRepository<ExpertDeclaration, Long> {

    List<ExpertDeclaration> findByCaseIdAndExpertUserIdOrderById(Long caseId, String expertUserId);

    List<ExpertDeclaration> findByCaseIdOrderById(Long caseId);
}
