package cn.majordecision.documents;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CaseDocumentRepository extends JpaRepository<CaseDocument, Long> {

    List<CaseDocument> findByCaseIdOrderByTitleAscVersionAsc(Long caseId);

    Optional<CaseDocument> findByIdAndCaseId(Long id, Long caseId);

    @Query("select coalesce(max(d.version), 0) from CaseDocument d where d.caseId = ?1 and d.title = ?2")
    int latestVersion(Long caseId, String title);
}
