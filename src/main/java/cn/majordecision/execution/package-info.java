/** After the decision (Arts. 34-37): execution and its reports, public feedback, post-decision evaluation, suspension, adjustment and termination. */
package cn.majordecision.execution;
