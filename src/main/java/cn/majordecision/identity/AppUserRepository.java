package cn.majordecision.identity;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface AppUserRepository extends JpaRepository<AppUser, String> {

    List<AppUser> findByGroupsContaining(String group);

    List<AppUser> findByDisplayNameOrderByUserId(String displayName);
}
