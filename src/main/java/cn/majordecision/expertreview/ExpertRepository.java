package cn.majordecision.expertreview;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ExpertRepository extends JpaRepository<Expert, Long> {

    List<Expert> findAllByOrderById();

    Optional<Expert> findByUserId(String userId);
}
