import { PageTitle } from '../ui/page.tsx';

export const ProductsPage = () => <PageTitle>Products</PageTitle>;
