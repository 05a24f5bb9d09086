/** Cross-cutting HTTP: problem details, security, the signed-in actor, the index page. */
package cn.majordecision.web;
