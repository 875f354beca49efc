//! An all-in monthly cost estimate for comparing homes: the loan payment
//! (a fixed-rate, fully amortising loan), plus taxes, insurance and HOA
//! fees where known. An estimate, not a loan offer.

/// The monthly payment of a fixed-rate loan of `principal` at
/// `annual_rate_percent` over `years`, in the same money as `principal`.
pub fn monthly_payment(principal: f64, annual_rate_percent: f64, years: u32) -> f64 {
    let months = f64::from(years * 12);
    if principal <= 0.0 || months == 0.0 {
        return 0.0;
    }
    let r = annual_rate_percent / 100.0 / 12.0;
    if r <= 0.0 {
        return principal / months;
    }
    principal * r / (1.0 - (1.0 + r).powf(-months))
}

/// What a month costs, each part as known.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Monthly {
    pub loan: f64,
    pub taxes: Option<f64>,
    pub insurance: Option<f64>,
    pub hoa: Option<f64>,
}

impl Monthly {
    /// The parts known, added up.
    pub fn total(&self) -> f64 {
        self.loan
            + self.taxes.unwrap_or(0.0)
            + self.insurance.unwrap_or(0.0)
            + self.hoa.unwrap_or(0.0)
    }
}

/// The month for a home at `price` with `renovations` either paid in cash
/// or added to the loan, the buyer putting `down` down.
pub fn monthly(
    price: f64,
    down: f64,
    renovations: f64,
    finance_renovations: bool,
    annual_rate_percent: f64,
    years: u32,
) -> f64 {
    let financed = (price - down).max(0.0)
        + if finance_renovations {
            renovations
        } else {
            0.0
        };
    monthly_payment(financed, annual_rate_percent, years)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cents(v: f64) -> f64 {
        (v * 100.0).round() / 100.0
    }

    /// The textbook example (Consumer Financial Protection Bureau and most
    /// amortisation tables): $200,000 at 6% over 30 years is $1,199.10 a
    /// month; over 15 years, $1,687.71.
    #[test]
    fn the_payment_matches_published_amortisation_tables() {
        assert_eq!(cents(monthly_payment(200_000.0, 6.0, 30)), 1199.10);
        assert_eq!(cents(monthly_payment(200_000.0, 6.0, 15)), 1687.71);
        assert_eq!(cents(monthly_payment(100_000.0, 4.5, 30)), 506.69);
    }

    #[test]
    fn no_interest_no_loan_or_no_term_are_plain() {
        assert_eq!(monthly_payment(120_000.0, 0.0, 10), 1000.0);
        assert_eq!(monthly_payment(0.0, 6.0, 30), 0.0);
        assert_eq!(monthly_payment(100_000.0, 6.0, 0), 0.0);
    }

    #[test]
    fn renovations_in_cash_leave_the_loan_and_financed_ones_join_it() {
        let cash = monthly(250_000.0, 50_000.0, 30_000.0, false, 6.0, 30);
        let financed = monthly(250_000.0, 50_000.0, 30_000.0, true, 6.0, 30);
        assert_eq!(cents(cash), 1199.10);
        assert_eq!(cents(financed), cents(monthly_payment(230_000.0, 6.0, 30)));
        let m = Monthly {
            loan: cash,
            taxes: Some(250.0),
            insurance: None,
            hoa: Some(50.0),
        };
        assert_eq!(cents(m.total()), 1499.10);
    }
}
