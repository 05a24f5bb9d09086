package cn.majordecision.consultation;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface PublicOpinionRepository extends JpaRepository<PublicOpinion, Long> {

    long countByCaseId(Long caseId);

    long countByCaseIdAndTextHash(Long caseId, String textHash);

    List<PublicOpinion> findByCaseIdOrderById(Long caseId);

    java.util.Optional<PublicOpinion> findByCaseIdAndReceiptNumber(Long caseId, String receiptNumber);

    List<PublicOpinion> findByCaseIdAndTextHash(Long caseId, String textHash);
}
