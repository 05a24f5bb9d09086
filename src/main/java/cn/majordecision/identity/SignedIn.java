package cn.majordecision.identity;

import cn.majordecision.shared.Actor;

/** A signed-in principal, however the user signed in (password, token, OpenID Connect). */
public interface SignedIn {

    Actor actor();
}
