/**
 * chart.js, tree-shaken: only the pieces our line charts use are registered (line controller,
 * line and point elements, category and linear scales, tooltip, legend, title), plus three small
 * plugins of our own (plugins.ts), passed per chart rather than registered globally.
 */
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Title,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend, Title);

/** The app's system font stack (styles/app.css --font); the CSP allows no web fonts from elsewhere. */
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, Ubuntu, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif";
Chart.defaults.color = '#1f2933';

export { Chart };
