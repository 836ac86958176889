# Reference values for LinearModel.linearCombination on a rank-deficient design (x2 = 2 x1, aliased:
# lm reports NA) and for SampleQuantiles on 1:4. R 4.2.2: Rscript lsmeans_estimability.R > lsmeans_estimability.out
d <- data.frame(y = c(1, 3, 2, 5, 4, 6), x1 = c(1, 2, 3, 4, 5, 6))
d$x2 <- 2 * d$x1
fit <- lm(y ~ x1 + x2, data = d)
print(coef(fit))
p <- predict(fit, data.frame(x1 = 3, x2 = 6), se.fit = TRUE)   # L = (1, 3, 6): in the row space of X
cat(sprintf("estimable L=(1,3,6): %.15g se %.15g df %d\n", p$fit, p$se.fit, p$df))
cat("quantile(1:4, c(.25, .5, .75), type = 2):", quantile(1:4, c(.25, .5, .75), type = 2), "\n")
cat("quantile(1:4, c(.25, .5, .75), type = 7):", quantile(1:4, c(.25, .5, .75), type = 7), "\n")
