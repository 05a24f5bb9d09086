/** Users and their groups (the roles of the pipeline design), the login user store, and their mirror in the engine. */
package cn.majordecision.identity;
