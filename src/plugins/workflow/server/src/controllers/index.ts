import info from './info';
import applicantOrders from './applicant-orders';
import staffOrders from './staff-orders';
import definitions from './definitions';

export default { info, 'applicant-orders': applicantOrders, 'staff-orders': staffOrders, definitions };
